// KlayChainStore: placeholder until its first file lands.
