"""Development: the embedded defaults, debug on, demo data allowed."""

from .base import *  # noqa: F403
from .env import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
DEMO_DATA_ALLOWED = True
