import KlayPrimitives
import KlayState
import KlayTypes

/// One account's replacement fields for an `eth_call` (`klaytn:api/api_ethereum.go`
/// `EthOverrideAccount`), applied to the call's throw-away state before it runs.
public struct StateOverride: Sendable, Equatable {
    public var nonce: UInt64?
    /// New code. As in Klaytn, only a smart contract account (or a new one) takes code; an existing
    /// externally owned account keeps none.
    public var code: [UInt8]?
    public var balance: UInt256?
    /// The whole storage: every slot not listed reads zero.
    public var state: [(slot: UInt256, value: UInt256)]?
    /// Slots to change, the rest kept.
    public var stateDiff: [(slot: UInt256, value: UInt256)]?

    public init(nonce: UInt64? = nil, code: [UInt8]? = nil, balance: UInt256? = nil,
                state: [(slot: UInt256, value: UInt256)]? = nil, stateDiff: [(slot: UInt256, value: UInt256)]? = nil) {
        self.nonce = nonce
        self.code = code
        self.balance = balance
        self.state = state
        self.stateDiff = stateDiff
    }

    public static func == (lhs: StateOverride, rhs: StateOverride) -> Bool {
        func same(_ a: [(slot: UInt256, value: UInt256)]?, _ b: [(slot: UInt256, value: UInt256)]?) -> Bool {
            switch (a, b) {
            case (nil, nil): return true
            case (let a?, let b?): return a.elementsEqual(b) { $0.slot == $1.slot && $0.value == $1.value }
            default: return false
            }
        }
        return lhs.nonce == rhs.nonce && lhs.code == rhs.code && lhs.balance == rhs.balance
            && same(lhs.state, rhs.state) && same(lhs.stateDiff, rhs.stateDiff)
    }

    /// Applies the override of `address` in Klaytn's order (nonce, code, balance, then storage).
    func apply(to state: StateDB, at address: Address) throws(CallError) {
        if self.state != nil && stateDiff != nil {
            throw .invalidArguments("account \(address.checksummed) has both 'state' and 'stateDiff'")
        }
        if let nonce { state.setNonce(address, nonce) }
        if let code {
            if !state.exists(address) {
                // `GetOrNewSmartContract`: a new contract account with nonce 1 and a failing key.
                state.createAccount(address, .smartContract(codeInfo: CodeInfo(rawValue: 0)))
            }
            if let info = state.account(address)?.contract?.codeInfo { state.setCode(address, code, codeInfo: info) }
        }
        if let balance { state.setBalance(address, balance) }
        if let slots = self.state {
            if var account = state.account(address), account.contract != nil {
                // Replace the storage: a fresh copy of the account starts with none.
                let code = state.code(address)
                let info = account.contract!.codeInfo
                account.contract!.storageRoot = Account.emptyStorageRoot
                state.createAccount(address, account)
                state.setCode(address, code, codeInfo: info)
            }
            for (slot, value) in slots { state.setStorage(address, slot, value) }
        }
        if let slots = stateDiff {
            for (slot, value) in slots { state.setStorage(address, slot, value) }
        }
    }
}
