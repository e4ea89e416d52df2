// KlayChain: placeholder until its first file lands.
