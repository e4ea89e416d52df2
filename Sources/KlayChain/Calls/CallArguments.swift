import KlayPrimitives
import KlayTypes

/// The fields of a message call that is not a transaction (`klay_call`'s `CallArgs`, `eth_call`'s
/// `EthTransactionArgs`), before the chain turns them into a ``TransitionMessage``
/// (`klaytn:api/api_public_blockchain.go` `CallArgs.ToMessage`, `api/tx_args.go`).
public struct CallArguments: Sendable, Equatable {
    /// The sender; the zero address when the caller gives none.
    public var from: Address
    /// The callee; nil creates a contract from ``data``.
    public var to: Address?
    /// The gas limit; nil means the RPC gas cap, else 999 999 999 999 (`CallArgs` reads a zero as nil,
    /// `EthTransactionArgs` keeps an explicit zero).
    public var gas: UInt64?
    public var gasPrice: UInt256?
    public var maxFeePerGas: UInt256?
    public var maxPriorityFeePerGas: UInt256?
    public var value: UInt256
    /// The call data (`input` when given, else `data`).
    public var data: [UInt8]
    public var accessList: [AccessListEntry]

    public init(from: Address = .zero, to: Address? = nil, gas: UInt64? = nil, gasPrice: UInt256? = nil,
                maxFeePerGas: UInt256? = nil, maxPriorityFeePerGas: UInt256? = nil, value: UInt256 = .zero,
                data: [UInt8] = [], accessList: [AccessListEntry] = []) {
        self.from = from
        self.to = to
        self.gas = gas
        self.gasPrice = gasPrice
        self.maxFeePerGas = maxFeePerGas
        self.maxPriorityFeePerGas = maxPriorityFeePerGas
        self.value = value
        self.data = data
        self.accessList = accessList
    }

    /// Klaytn's `params.UpperGasLimit`: the gas of a call that names none, without a gas cap.
    public static let upperGasLimit: UInt64 = 999_999_999_999

    /// Refuses mixed fee styles with Klaytn's texts (`ToMessage`).
    func checkFeeFields() throws(CallError) {
        if gasPrice != nil && (maxFeePerGas != nil || maxPriorityFeePerGas != nil) {
            throw .invalidArguments("both gasPrice and (maxFeePerGas or maxPriorityFeePerGas) specified")
        }
        if let maxFeePerGas, let maxPriorityFeePerGas, maxFeePerGas < maxPriorityFeePerGas {
            throw .invalidArguments("MaxPriorityFeePerGas is greater than MaxFeePerGas")
        }
    }

    /// The gas limit the call runs with: the given gas, else the cap or ``upperGasLimit``, never above
    /// a non-zero `gasCap`.
    func gasLimit(cap gasCap: UInt64) -> UInt64 {
        var gas = gasCap == 0 ? Self.upperGasLimit : gasCap
        if let given = self.gas { gas = given }
        if gasCap != 0 && gasCap < gas { gas = gasCap }
        return gas
    }

    /// The message's own price: `gasPrice`, else `maxFeePerGas`, else twice the base fee once there is
    /// one (zero before Magma). From Magma the state transition charges the base fee instead.
    func price(baseFee: UInt256) -> UInt256 {
        if let gasPrice { return gasPrice }
        if let maxFeePerGas { return maxFeePerGas }
        return baseFee.isZero ? .zero : baseFee &* UInt256(2)
    }

    /// Klaytn's intrinsic gas of a call (`types.IntrinsicGas` with no access list: 21 000 or 53 000 for a
    /// creation, 100 per data byte from Istanbul, 4/68 before, and 2 per init-code word from Shanghai).
    func intrinsicGas(rules: ChainRules) throws(CallError) -> UInt64 {
        var legacy = Transaction(type: .legacy)
        legacy.to = to
        legacy.input = data
        do {
            return try legacy.intrinsicGas(rules: rules.gas)
        } catch {
            throw .invalidArguments(error.description)
        }
    }
}
