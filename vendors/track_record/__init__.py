"""Each enterprise's track record: figures counted from its parcels, verified-purchase reviews and OCOP
certificates, and the "Trusted enterprise" badge decided from them. It sits above the reviews and the
parcels it counts, so the enterprises themselves (``vendors``) stay below both."""
