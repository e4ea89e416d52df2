// KlayRPC: placeholder until its first file lands.
