default_app_config = "vendors.apps.PartnerConfig"
