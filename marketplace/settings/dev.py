"""Development: the embedded defaults, debug on, demo data allowed."""

from .base import *  # noqa: F403
from .env import env, env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = env("SECRET_KEY") or "dev-only-insecure-key-never-use-in-production"
DEMO_DATA_ALLOWED = True
# A demo bank account, so the demo offers bank transfer by VietQR; BANK_TRANSFER_* variables win.
BANK_TRANSFER = {
    "BANK_BIN": "970436",
    "BANK_NAME": "Vietcombank",
    "ACCOUNT_NUMBER": "0071000123456",
    "ACCOUNT_NAME": "CONG TY CHO OCOP",
    "NOTIFICATION_SECRET": "dev-bank-notification-secret",
    **{key: value for key, value in BANK_TRANSFER.items() if value},
}
