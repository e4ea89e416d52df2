import KlayPrimitives
import KlayTypes

/// The world state as the EVM and the transaction processor see it while executing a block: account
/// fields, storage, code, keys, plus the per-transaction pieces (journal for nested-call reverts, the
/// EIP-2929 warm sets, EIP-1153 transient storage, the refund counter and the logs).
///
/// Reads fall through to the ``StateBackend`` once per key and are cached. Writes stay in memory until
/// ``commit()``, which hands every change to the backend at once (one storage batch) and returns the
/// new state root. A backend read error does not interrupt execution: the value reads as absent, the
/// first error is kept, and ``commit()`` throws it — so a corrupt database can never produce a root.
///
/// One StateDB is used by one task at a time (it is not Sendable).
public final class StateDB {
    let backend: any StateBackend
    var objects: [Address: StateObject] = [:]
    var journal: [JournalEntry] = []
    var warmAddresses: Set<Address> = []
    var warmSlots: Set<StorageSlot> = []
    var transient: [StorageSlot: UInt256] = [:]
    /// Addresses touched in the current transaction (candidates for EIP-158 deletion).
    var touchedInTransaction: Set<Address> = []
    /// The first error the backend reported.
    public internal(set) var backendError: (any Error)?
    /// The gas refund counter of the current transaction.
    public internal(set) var refund: UInt64 = 0
    /// Logs of the current transaction.
    public internal(set) var logs: [Log] = []
    /// Whether a touch of 0x03 outlives a revert, as in go-ethereum (set for Ethereum rules).
    public var keepsRIPEMDTouch = false
    static let ripemdAddress: Address = {
        var address = Address.zero
        address.withUnsafeMutableBytes { $0[19] = 3 }
        return address
    }()

    /// How many accounts the StateDB keeps cached between commits; past it, a commit drops the account
    /// cache and the backend's trie-node cache (the memory budget of a long-running node).
    public var cachedAccountLimit: Int

    public init(backend: any StateBackend, cachedAccountLimit: Int = 100_000) {
        self.backend = backend
        self.cachedAccountLimit = cachedAccountLimit
    }

    // MARK: Objects

    /// The object for `address`, loading it from the backend on first use.
    func object(_ address: Address) -> StateObject {
        if let object = objects[address] { return object }
        var account: Account?
        do {
            account = try backend.account(at: address)
        } catch {
            record(error)
        }
        let object = StateObject(address: address, account: account)
        objects[address] = object
        return object
    }

    func record(_ error: any Error) {
        if backendError == nil { backendError = error }
    }

    /// Marks the object changed for this transaction and the next commit, journaling the first touch.
    func touch(_ object: StateObject) {
        if touchedInTransaction.insert(object.address).inserted {
            journal.append(.touched(object.address, wasChanged: object.changedSinceCommit))
        }
        object.changedSinceCommit = true
    }

    // MARK: Accounts

    /// Whether an account exists at `address` (even an empty one).
    public func exists(_ address: Address) -> Bool { object(address).exists }

    /// Whether the account is absent or empty (EIP-158: nonce 0, balance 0, no code, legacy key).
    public func isEmpty(_ address: Address) -> Bool { object(address).isEmpty }

    /// The account's fields, or nil if it does not exist.
    public func account(_ address: Address) -> Account? {
        let object = object(address)
        return object.exists ? object.account : nil
    }

    public func balance(_ address: Address) -> UInt256 { object(address).account.balance }

    public func nonce(_ address: Address) -> UInt64 { object(address).account.nonce }

    /// The account key (a missing account answers AccountKeyLegacy).
    public func key(_ address: Address) -> AccountKey { object(address).account.key }

    /// Changes the account through `update`, creating it as an empty EOA if it does not exist.
    func modify(_ address: Address, _ update: (inout Account) -> Void) {
        let object = object(address)
        journal.append(.account(address, previous: object.account, existed: object.exists))
        touch(object)
        object.exists = true
        update(&object.account)
    }

    public func setBalance(_ address: Address, _ balance: UInt256) { modify(address) { $0.balance = balance } }

    public func addBalance(_ address: Address, _ amount: UInt256) {
        modify(address) { $0.balance = $0.balance &+ amount }
    }

    /// Subtracts `amount`; the caller has checked that the balance covers it.
    public func subtractBalance(_ address: Address, _ amount: UInt256) {
        modify(address) { $0.balance = $0.balance &- amount }
    }

    public func setNonce(_ address: Address, _ nonce: UInt64) { modify(address) { $0.nonce = nonce } }

    public func setKey(_ address: Address, _ key: AccountKey) { modify(address) { $0.key = key } }

    /// Touches an account without changing it (a zero-value transfer): under EIP-158 an empty touched
    /// account is deleted at the end of the transaction.
    public func touchAccount(_ address: Address) {
        touch(object(address))
    }

    /// Replaces whatever is at `address` with `account` and empty storage (contract creation, and
    /// state-test pre-states). The previous object comes back on revert.
    public func createAccount(_ address: Address, _ account: Account) {
        let previous = objects[address]
        let fresh = StateObject(address: address, account: account)
        fresh.storageCleared = true
        fresh.createdInTransaction = true
        fresh.code = []
        objects[address] = fresh
        journal.append(.objectReplaced(address, previous: previous))
        touch(fresh)
    }

    // MARK: Code

    /// The code at `address` (empty for accounts without code).
    public func code(_ address: Address) -> [UInt8] {
        let object = object(address)
        if let code = object.code { return code }
        let hash = object.account.codeHash
        var code: [UInt8] = []
        if object.exists && hash != Account.emptyCodeHash {
            do {
                code = try backend.code(hash: hash) ?? []
            } catch {
                record(error)
            }
        }
        object.code = code
        return code
    }

    /// The code hash (keccak256 of empty code for accounts without code).
    public func codeHash(_ address: Address) -> Hash { object(address).account.codeHash }

    public func codeSize(_ address: Address) -> Int { code(address).count }

    /// Sets the code of a smart contract account (turning a code-less account into one with `codeInfo`).
    public func setCode(_ address: Address, _ code: [UInt8], codeInfo: CodeInfo = CodeInfo(vmVersion: 0)) {
        let object = object(address)
        journal.append(.code(address, previous: object.code, previousChanged: object.codeChanged))
        let hash = Keccak256.hash(code)
        modify(address) { account in
            if account.contract == nil {
                account.contract = Account.Contract(storageRoot: Account.emptyStorageRoot, codeHash: hash, codeInfo: codeInfo)
            } else {
                account.contract!.codeHash = hash
            }
        }
        object.code = code
        object.codeChanged = true
    }

    // MARK: Storage

    /// The current value of a storage slot.
    public func storage(_ address: Address, _ slot: UInt256) -> UInt256 {
        let object = object(address)
        if let value = object.dirtyStorage[slot] { return value }
        return committedStorage(object, slot)
    }

    /// The value the slot had when the current transaction began (EIP-2200's "original value").
    public func originalStorage(_ address: Address, _ slot: UInt256) -> UInt256 {
        committedStorage(object(address), slot)
    }

    func committedStorage(_ object: StateObject, _ slot: UInt256) -> UInt256 {
        if let value = object.pendingStorage[slot] { return value }
        if object.storageCleared { return .zero }
        if let value = object.originStorage[slot] { return value }
        var value = UInt256.zero
        if object.exists, let root = object.account.contract?.storageRoot, root != Account.emptyStorageRoot {
            do {
                value = try backend.storage(of: object.address, storageRoot: root, slot: slot)
            } catch {
                record(error)
            }
        }
        object.originStorage[slot] = value
        return value
    }

    /// Whether the account has any non-zero storage (EIP-7610's collision rule).
    public func hasStorage(_ address: Address) -> Bool {
        let object = object(address)
        if object.dirtyStorage.values.contains(where: { !$0.isZero }) || object.pendingStorage.values.contains(where: { !$0.isZero }) {
            return true
        }
        if object.storageCleared || !object.exists { return false }
        return object.account.storageRoot != Account.emptyStorageRoot
    }

    public func setStorage(_ address: Address, _ slot: UInt256, _ value: UInt256) {
        let object = object(address)
        journal.append(.storage(address, slot: slot, previous: object.dirtyStorage[slot]))
        touch(object)
        object.dirtyStorage[slot] = value
    }

    // MARK: Self-destruct

    /// Marks the account for deletion at the end of the transaction and zeroes its balance.
    public func selfDestruct(_ address: Address) {
        let object = object(address)
        guard object.exists else { return }
        journal.append(.selfDestruct(address, previous: object.selfDestructed))
        modify(address) { $0.balance = .zero }
        object.selfDestructed = true
    }

    public func hasSelfDestructed(_ address: Address) -> Bool { object(address).selfDestructed }

    /// Whether the account was created in the current transaction (EIP-6780).
    public func createdInTransaction(_ address: Address) -> Bool { object(address).createdInTransaction }

    // MARK: Refund, logs, warm sets, transient storage

    public func addRefund(_ gas: UInt64) {
        journal.append(.refund(previous: refund))
        refund &+= gas
    }

    /// Lowers the refund counter (EIP-2200's adjustments); it never goes below zero.
    public func subtractRefund(_ gas: UInt64) {
        journal.append(.refund(previous: refund))
        refund = refund >= gas ? refund - gas : 0
    }

    public func addLog(_ log: Log) {
        journal.append(.log)
        logs.append(log)
    }

    public func isWarm(_ address: Address) -> Bool { warmAddresses.contains(address) }

    /// Adds `address` to the warm set; returns whether it was cold.
    @discardableResult
    public func warm(_ address: Address) -> Bool {
        guard warmAddresses.insert(address).inserted else { return false }
        journal.append(.warmAddress(address))
        return true
    }

    public func isWarm(_ address: Address, slot: UInt256) -> Bool {
        warmSlots.contains(StorageSlot(address: address, slot: slot))
    }

    /// Adds the slot to the warm set; returns whether it was cold.
    @discardableResult
    public func warm(_ address: Address, slot: UInt256) -> Bool {
        let key = StorageSlot(address: address, slot: slot)
        guard warmSlots.insert(key).inserted else { return false }
        journal.append(.warmSlot(key))
        return true
    }

    public func transientStorage(_ address: Address, _ slot: UInt256) -> UInt256 {
        transient[StorageSlot(address: address, slot: slot)] ?? .zero
    }

    public func setTransientStorage(_ address: Address, _ slot: UInt256, _ value: UInt256) {
        let key = StorageSlot(address: address, slot: slot)
        journal.append(.transient(key, previous: transient[key]))
        transient[key] = value
    }
}
