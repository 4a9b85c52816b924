default_app_config = "marketplace.address.apps.AddressConfig"
