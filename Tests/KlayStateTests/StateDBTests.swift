import KlayPrimitives
import KlayStorage
import KlayTypes
import Testing
@testable import KlayState

/// StateDB semantics over a recording backend: caching, journaling and revert, transaction
/// boundaries (original values, EIP-158 deletion, self-destruct), commits and error surfacing.
@Suite struct StateDBTests {
    /// A backend holding plain dictionaries; its "root" counts commits (roots are the trie's job).
    final class RecordingBackend: StateBackend {
        var accounts: [Address: Account] = [:]
        var storage: [Address: [UInt256: UInt256]] = [:]
        var codes: [Hash: [UInt8]] = [:]
        var reads = 0
        var commits: [StateChanges] = []
        var failReads = false
        var cacheDrops = 0

        struct ReadFailure: Error {}

        func account(at address: Address) throws -> Account? {
            reads += 1
            if failReads { throw ReadFailure() }
            return accounts[address]
        }

        func storage(of address: Address, storageRoot: Hash, slot: UInt256) throws -> UInt256 {
            reads += 1
            return storage[address]?[slot] ?? .zero
        }

        func code(hash: Hash) throws -> [UInt8]? { codes[hash] }

        func dropCaches() { cacheDrops += 1 }

        func commit(_ changes: StateChanges) throws -> (stateRoot: Hash, storageRoots: [Address: Hash]) {
            commits.append(changes)
            var roots: [Address: Hash] = [:]
            for change in changes.accounts {
                if change.storageCleared { storage[change.address] = nil }
                for (slot, value) in change.storage { storage[change.address, default: [:]][slot] = value.isZero ? nil : value }
                if let code = change.code { codes[Keccak256.hash(code)] = code }
                accounts[change.address] = change.account
                roots[change.address] = Keccak256.hash(Array(String(describing: storage[change.address] ?? [:]).utf8))
            }
            return (Keccak256.hash([UInt8(commits.count)]), roots)
        }
    }

    static let alice = Address(lastBytesOf: Keccak256.hash([1]))
    static let bob = Address(lastBytesOf: Keccak256.hash([2]))

    @Test func readsAreCachedAndMissingAccountsReadEmpty() {
        let backend = RecordingBackend()
        backend.accounts[Self.alice] = .externallyOwned(nonce: 3, balance: 100)
        let state = StateDB(backend: backend)
        #expect(state.balance(Self.alice) == 100)
        #expect(state.nonce(Self.alice) == 3)
        #expect(state.exists(Self.alice))
        #expect(backend.reads == 1)
        #expect(!state.exists(Self.bob))
        #expect(state.isEmpty(Self.bob))
        #expect(state.key(Self.bob) == .legacy)
        #expect(state.codeHash(Self.bob) == Account.emptyCodeHash)
        #expect(state.code(Self.bob).isEmpty)
    }

    @Test func revertUndoesEverythingSinceTheSnapshot() {
        let backend = RecordingBackend()
        backend.accounts[Self.alice] = .externallyOwned(balance: 100)
        let state = StateDB(backend: backend)
        state.beginTransaction()
        state.setStorage(Self.alice, 1, 11)
        let snapshot = state.snapshot()
        state.subtractBalance(Self.alice, 40)
        state.addBalance(Self.bob, 40)
        state.setNonce(Self.alice, 1)
        state.setStorage(Self.alice, 1, 12)
        state.setStorage(Self.alice, 2, 22)
        state.setCode(Self.bob, [0x60, 0x00])
        state.addRefund(500)
        state.addLog(Log(address: Self.alice, topics: [], data: [1]))
        state.warm(Self.bob)
        state.warm(Self.bob, slot: 7)
        state.setTransientStorage(Self.alice, 5, 55)
        state.setKey(Self.alice, .fail)
        state.revert(to: snapshot)
        #expect(state.balance(Self.alice) == 100)
        #expect(!state.exists(Self.bob))
        #expect(state.nonce(Self.alice) == 0)
        #expect(state.storage(Self.alice, 1) == 11)
        #expect(state.storage(Self.alice, 2) == 0)
        #expect(state.code(Self.bob).isEmpty)
        #expect(state.refund == 0)
        #expect(state.logs.isEmpty)
        #expect(!state.isWarm(Self.bob))
        #expect(!state.isWarm(Self.bob, slot: 7))
        #expect(state.transientStorage(Self.alice, 5) == 0)
        #expect(state.key(Self.alice) == .legacy)
    }

    @Test func originalValuesChangeOnlyAtTransactionBoundaries() {
        let backend = RecordingBackend()
        backend.accounts[Self.alice] = .smartContract(nonce: 1, storageRoot: Keccak256.hash([9]), codeHash: Keccak256.hash([0]), codeInfo: CodeInfo(vmVersion: 1))
        backend.storage[Self.alice] = [1: 10]
        let state = StateDB(backend: backend)
        state.beginTransaction()
        state.setStorage(Self.alice, 1, 20)
        #expect(state.originalStorage(Self.alice, 1) == 10)
        #expect(state.storage(Self.alice, 1) == 20)
        state.endTransaction(deleteEmptyAccounts: true)
        state.beginTransaction()
        #expect(state.originalStorage(Self.alice, 1) == 20)
        state.setStorage(Self.alice, 1, 30)
        #expect(state.originalStorage(Self.alice, 1) == 20)
    }

    @Test func touchedEmptyAccountsAndSelfDestructedOnesAreDeleted() throws {
        let backend = RecordingBackend()
        backend.accounts[Self.alice] = .smartContract(nonce: 1, balance: 5, codeHash: Keccak256.hash([0]), codeInfo: CodeInfo(vmVersion: 1))
        backend.accounts[Self.bob] = .externallyOwned()
        let state = StateDB(backend: backend)
        state.beginTransaction()
        state.touchAccount(Self.bob)
        state.selfDestruct(Self.alice)
        #expect(state.hasSelfDestructed(Self.alice))
        #expect(state.balance(Self.alice) == 0)
        state.endTransaction(deleteEmptyAccounts: true)
        #expect(!state.exists(Self.alice))
        #expect(!state.exists(Self.bob))
        try state.commit()
        #expect(backend.accounts.isEmpty)
        let deleted = backend.commits[0].accounts.filter { $0.account == nil }.map(\.address)
        #expect(Set(deleted) == [Self.alice, Self.bob])
    }

    @Test func withoutEIP158TouchedEmptyAccountsStay() throws {
        let backend = RecordingBackend()
        let state = StateDB(backend: backend)
        state.beginTransaction()
        state.addBalance(Self.bob, 0)
        state.endTransaction(deleteEmptyAccounts: false)
        #expect(state.exists(Self.bob))
        try state.commit()
        #expect(backend.accounts[Self.bob] == .externallyOwned())
    }

    @Test func commitSendsPendingChangesOnceAndUpdatesStorageRoots() throws {
        let backend = RecordingBackend()
        let state = StateDB(backend: backend)
        state.beginTransaction()
        state.createAccount(Self.alice, .smartContract(nonce: 1, codeHash: Account.emptyCodeHash, codeInfo: CodeInfo(vmVersion: 1)))
        state.setCode(Self.alice, [0x60, 0x01, 0x00], codeInfo: CodeInfo(vmVersion: 1))
        state.setStorage(Self.alice, 9, 99)
        state.addBalance(Self.bob, 7)
        state.endTransaction(deleteEmptyAccounts: true)
        let root = try state.commit()
        #expect(backend.commits.count == 1)
        let changes = backend.commits[0].accounts
        #expect(changes.count == 2)
        let contract = try #require(changes.first { $0.address == Self.alice })
        #expect(contract.storageCleared)
        #expect(contract.code == [0x60, 0x01, 0x00])
        #expect(contract.storage.count == 1 && contract.storage[0].slot == 9 && contract.storage[0].value == 99)
        #expect(backend.codes[Keccak256.hash([0x60, 0x01, 0x00])] != nil)
        #expect(state.account(Self.alice)?.storageRoot != Account.emptyStorageRoot)
        #expect(state.storage(Self.alice, 9) == 99)
        // Nothing changed since: an empty commit.
        let again = try state.commit()
        #expect(backend.commits[1].accounts.isEmpty)
        #expect(again != root)
    }

    @Test func recreatingAnAccountIsUndoneByRevert() {
        let backend = RecordingBackend()
        backend.accounts[Self.alice] = .externallyOwned(nonce: 0, balance: 50)
        let state = StateDB(backend: backend)
        state.beginTransaction()
        let snapshot = state.snapshot()
        state.createAccount(Self.alice, .smartContract(nonce: 1, balance: 50, codeHash: Account.emptyCodeHash, codeInfo: CodeInfo(vmVersion: 1)))
        #expect(state.account(Self.alice)?.kind == .smartContract)
        #expect(state.createdInTransaction(Self.alice))
        state.revert(to: snapshot)
        #expect(state.account(Self.alice)?.kind == .externallyOwned)
        #expect(state.balance(Self.alice) == 50)
    }

    @Test func aBackendReadErrorSurfacesAtCommit() {
        let backend = RecordingBackend()
        backend.failReads = true
        let state = StateDB(backend: backend)
        #expect(state.balance(Self.alice) == 0)
        #expect(state.backendError != nil)
        #expect(throws: RecordingBackend.ReadFailure.self) { try state.commit() }
        #expect(backend.commits.isEmpty)
    }

    @Test func warmSetsAndRefundsFollowTheirRules() {
        let state = StateDB(backend: RecordingBackend())
        state.beginTransaction(warmAddresses: [Self.alice], warmSlots: [(Self.alice, UInt256(1))])
        #expect(state.isWarm(Self.alice))
        #expect(state.isWarm(Self.alice, slot: 1))
        #expect(state.warm(Self.bob))
        #expect(!state.warm(Self.bob))
        state.addRefund(100)
        state.subtractRefund(300)
        #expect(state.refund == 0)
        state.beginTransaction()
        #expect(!state.isWarm(Self.bob))
    }

    @Test func theCacheBudgetDropsCommittedAccounts() throws {
        let backend = RecordingBackend()
        let state = StateDB(backend: backend, cachedAccountLimit: 2)
        state.beginTransaction()
        for i: UInt8 in 1...3 { state.addBalance(Address(lastBytesOf: Keccak256.hash([i])), UInt256(UInt64(i))) }
        state.endTransaction(deleteEmptyAccounts: true)
        try state.commit()
        #expect(backend.cacheDrops == 1)
        let readsBefore = backend.reads
        // Values come back from the backend after the drop.
        #expect(state.balance(Address(lastBytesOf: Keccak256.hash([2]))) == 2)
        #expect(backend.reads == readsBefore + 1)
    }

    @Test func aTrieBackendReloadsEverythingAfterDroppingItsCaches() throws {
        let state = StateDB(backend: try TrieStateBackend(store: MemoryStore()), cachedAccountLimit: 1)
        state.beginTransaction()
        state.createAccount(Self.alice, Account.smartContract(codeInfo: CodeInfo(vmVersion: 1)))
        state.setCode(Self.alice, [0x60, 0x00], codeInfo: CodeInfo(vmVersion: 1))
        state.setStorage(Self.alice, 5, 50)
        state.addBalance(Self.bob, 9)
        state.endTransaction(deleteEmptyAccounts: true)
        let root = try state.commit()
        #expect(state.balance(Self.bob) == 9)
        #expect(state.storage(Self.alice, 5) == 50)
        #expect(state.code(Self.alice) == [0x60, 0x00])
        #expect(try state.commit() == root)
    }
}
