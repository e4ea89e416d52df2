import KlayPrimitives

/// What the EVM sees of the block (spec/evm.md §6: on Klaytn COINBASE is the proposer, GASLIMIT 0,
/// DIFFICULTY 1, PREVRANDAO the parent hash until Randao).
public struct BlockContext {
    public var coinbase: Address
    public var number: UInt64
    public var time: UInt64
    public var gasLimit: UInt64
    public var baseFee: UInt256
    /// DIFFICULTY before PREVRANDAO, the random value after.
    public var difficultyOrRandom: UInt256
    public var chainID: UInt256
    public var blobBaseFee: UInt256 = .zero
    /// The hash of block `number` (only asked for the 256 before the current one).
    public var blockHash: (UInt64) -> Hash

    public init(coinbase: Address, number: UInt64, time: UInt64, gasLimit: UInt64, baseFee: UInt256,
                difficultyOrRandom: UInt256, chainID: UInt256, blockHash: @escaping (UInt64) -> Hash) {
        self.coinbase = coinbase
        self.number = number
        self.time = time
        self.gasLimit = gasLimit
        self.baseFee = baseFee
        self.difficultyOrRandom = difficultyOrRandom
        self.chainID = chainID
        self.blockHash = blockHash
    }
}

/// What the EVM sees of the transaction.
public struct TransactionContext {
    /// ORIGIN: the sender (never the fee payer).
    public var origin: Address
    /// GASPRICE.
    public var gasPrice: UInt256
    /// The fee payer (the sender for transactions without one): Klaytn's feePayer precompile returns it.
    public var feePayer: Address
    public var blobHashes: [Hash] = []

    public init(origin: Address, gasPrice: UInt256, feePayer: Address) {
        self.origin = origin
        self.gasPrice = gasPrice
        self.feePayer = feePayer
    }
}
