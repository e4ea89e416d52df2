// KlayChainTests: placeholder until its first test lands.
