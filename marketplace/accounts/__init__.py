"""Sign-in protection: throttled logins and password resets, and the operator's unlock.

django-axes counts failed sign-ins on every login (the shop's, the dashboard's, Django
admin's and Wagtail's: they all go through ``authenticate()``); this app decides what is
counted and how (:mod:`.attempts`, :mod:`.client`), limits password-reset e-mails, which
axes does not see (:mod:`.password_reset`), answers both with one 429 page
(:mod:`.responses`), and lets an operator lift a lock at once (:mod:`.unlock`, the admin).
"""
