// KlayConsensus: placeholder until its first file lands.
