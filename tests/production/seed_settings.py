"""Production settings that let the rehearsal seed its throw-away database with a few demo products.

Only the seeding step uses them; every process the rehearsal starts runs on
``marketplace.settings.production`` itself.
"""

from marketplace.settings.production import *  # noqa: F403

DEMO_DATA_ALLOWED = True
