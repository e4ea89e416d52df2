// KlayTxPool: placeholder until its first file lands.
