import KlayPrimitives
import KlayTypes

/// Snapshots for nested calls, the transaction boundary and the commit.
extension StateDB {
    /// A point to return to with ``revert(to:)``.
    public struct Snapshot: Sendable {
        let journalLength: Int
        let logCount: Int
    }

    public func snapshot() -> Snapshot { Snapshot(journalLength: journal.count, logCount: logs.count) }

    /// Undoes every change made since `snapshot`, newest first.
    public func revert(to snapshot: Snapshot) {
        while journal.count > snapshot.journalLength {
            undo(journal.removeLast())
        }
    }

    private func undo(_ entry: JournalEntry) {
        switch entry {
        case .objectReplaced(let address, let previous):
            objects[address] = previous
        case .account(let address, let previous, let existed):
            let object = objects[address]!
            object.account = previous
            object.exists = existed
        case .storage(let address, let slot, let previous):
            objects[address]!.dirtyStorage[slot] = previous
        case .code(let address, let previous, let previousChanged):
            let object = objects[address]!
            object.code = previous
            object.codeChanged = previousChanged
        case .selfDestruct(let address, let previous):
            objects[address]!.selfDestructed = previous
        case .touched(let address, let wasChanged):
            // go-ethereum's consensus quirk (kept by Ethereum's tests): a touch of the RIPEMD-160
            // precompile at 0x03 survives the revert of the frame that made it.
            if keepsRIPEMDTouch && address == Self.ripemdAddress { return }
            touchedInTransaction.remove(address)
            objects[address]?.changedSinceCommit = wasChanged
        case .refund(let previous):
            refund = previous
        case .log:
            logs.removeLast()
        case .warmAddress(let address):
            warmAddresses.remove(address)
        case .warmSlot(let slot):
            warmSlots.remove(slot)
        case .transient(let slot, let previous):
            transient[slot] = previous
        }
    }

    /// Starts a transaction: clears the journal, refund, logs, warm sets and transient storage, then
    /// warms `addresses` and `slots` (sender, recipient, precompiles, access list, per the fork).
    public func beginTransaction(warmAddresses addresses: some Sequence<Address> = [],
                                 warmSlots slots: some Sequence<(Address, UInt256)> = [] as [(Address, UInt256)]) {
        journal.removeAll(keepingCapacity: true)
        refund = 0
        logs.removeAll()
        transient.removeAll()
        touchedInTransaction.removeAll()
        warmAddresses = Set(addresses)
        warmSlots = Set(slots.map { StorageSlot(address: $0.0, slot: $0.1) })
    }

    /// Ends a transaction: deletes self-destructed accounts and, when `deleteEmptyAccounts` (EIP-158),
    /// touched empty ones; makes this transaction's storage writes the new "original" values.
    public func endTransaction(deleteEmptyAccounts: Bool) {
        for address in touchedInTransaction {
            guard let object = objects[address] else { continue }
            if object.selfDestructed || (deleteEmptyAccounts && object.isEmpty) {
                object.exists = false
                object.account = .externallyOwned()
                object.dirtyStorage.removeAll()
                object.pendingStorage.removeAll()
                object.originStorage.removeAll()
                object.storageCleared = true
                object.code = []
                object.codeChanged = false
            } else {
                for (slot, value) in object.dirtyStorage { object.pendingStorage[slot] = value }
                object.dirtyStorage.removeAll()
            }
            object.selfDestructed = false
            object.createdInTransaction = false
            object.changedSinceCommit = true
        }
        touchedInTransaction.removeAll()
        journal.removeAll(keepingCapacity: true)
    }

    /// Writes every change since the last commit through the backend and returns the new state root.
    /// Throws the first backend read error seen since the StateDB was created, or the commit's own.
    @discardableResult
    public func commit() throws -> Hash {
        if let backendError { throw backendError }
        var changes = StateChanges()
        var changed: [StateObject] = []
        for object in objects.values where object.changedSinceCommit {
            let storage = object.pendingStorage.map { (slot: $0.key, value: $0.value) }
            changes.accounts.append(StateChanges.AccountChange(
                address: object.address, account: object.exists ? object.account : nil,
                storageCleared: object.storageCleared, storage: storage,
                code: object.codeChanged ? object.code : nil))
            changed.append(object)
        }
        let (root, storageRoots) = try backend.commit(changes)
        for object in changed {
            if object.storageCleared { object.originStorage.removeAll() }
            for (slot, value) in object.pendingStorage { object.originStorage[slot] = value }
            object.pendingStorage.removeAll()
            object.storageCleared = false
            object.codeChanged = false
            object.changedSinceCommit = false
            if let storageRoot = storageRoots[object.address], object.account.contract != nil {
                object.account.contract!.storageRoot = storageRoot
            }
            if !object.exists { objects[object.address] = nil }
        }
        if objects.count > cachedAccountLimit {
            objects.removeAll(keepingCapacity: true)
            backend.dropCaches()
        }
        return root
    }
}
