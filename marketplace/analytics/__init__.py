default_app_config = "marketplace.analytics.apps.AnalyticsConfig"
