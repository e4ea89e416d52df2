import Foundation
import Testing
@testable import KlayStorage

/// The same behaviour from both backends: reads and writes, atomic batches, ordered prefix iteration,
/// snapshots that do not see later writes; and RocksDB's persistence and locking.
@Suite struct KeyValueStoreTests {
    enum Backend: String, CaseIterable, CustomTestStringConvertible {
        case memory, rocksdb
        var testDescription: String { rawValue }
    }

    static func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("klay-storage-\(UUID().uuidString)").path
    }

    static func open(_ backend: Backend) throws -> any KeyValueStore {
        switch backend {
        case .memory: return MemoryStore()
        case .rocksdb: return try RocksDBStore(path: temporaryPath())
        }
    }

    @Test(arguments: Backend.allCases)
    func putGetDelete(_ backend: Backend) throws {
        let store = try Self.open(backend)
        #expect(try store.get([1]) == nil)
        try store.put([1], [10, 11])
        try store.put([], [0])  // the empty key is a key like any other
        try store.put([2], [])  // and the empty value a value
        #expect(try store.get([1]) == [10, 11])
        #expect(try store.get([]) == [0])
        #expect(try store.get([2]) == [])
        #expect(try store.contains([2]))
        try store.delete([1])
        try store.delete([9])  // absent: no error
        #expect(try store.get([1]) == nil)
    }

    @Test(arguments: Backend.allCases)
    func batchesApplyInOrder(_ backend: Backend) throws {
        let store = try Self.open(backend)
        try store.put([5], [5])
        var batch = WriteBatch()
        batch.put([1], [1])
        batch.put([1], [2])
        batch.delete([5])
        batch.put([3], [3])
        #expect(batch.byteCount == 7)
        try store.write(batch)
        #expect(try store.get([1]) == [2])
        #expect(try store.get([5]) == nil)
        #expect(try store.get([3]) == [3])
        try store.write(WriteBatch())
    }

    @Test(arguments: Backend.allCases)
    func prefixIterationIsOrderedAndStops(_ backend: Backend) throws {
        let store = try Self.open(backend)
        let table = StorageTable.header
        for n: UInt8 in [3, 1, 2, 0xff] { try store.put(table.key([0, n]), [n]) }
        try store.put(StorageTable.body.key([0, 1]), [99])
        try store.put([table.rawValue &+ 1], [98])
        var seen: [[UInt8]] = []
        try store.forEach(prefix: [table.rawValue]) { key, value in
            seen.append(key)
            #expect(value == [key.last!])
            return true
        }
        #expect(seen == [[0x68, 0, 1], [0x68, 0, 2], [0x68, 0, 3], [0x68, 0, 0xff]])
        var first: [UInt8]?
        try store.forEach(prefix: [table.rawValue]) { key, _ in
            first = key
            return false
        }
        #expect(first == [0x68, 0, 1])
        var all = 0
        try store.forEach(prefix: []) { _, _ in
            all += 1
            return true
        }
        #expect(all == 6)
    }

    @Test(arguments: Backend.allCases)
    func snapshotsDoNotSeeLaterWrites(_ backend: Backend) throws {
        let store = try Self.open(backend)
        try store.put([1], [1])
        let snapshot = store.snapshot()
        try store.put([1], [2])
        try store.put([2], [2])
        #expect(try snapshot.get([1]) == [1])
        #expect(try snapshot.get([2]) == nil)
        var keys: [[UInt8]] = []
        try snapshot.forEach(prefix: []) { key, _ in
            keys.append(key)
            return true
        }
        #expect(keys == [[1]])
        #expect(try store.get([1]) == [2])
    }

    @Test func rocksDBPersistsAcrossReopen() throws {
        let path = Self.temporaryPath()
        do {
            let store = try RocksDBStore(path: path)
            var batch = WriteBatch()
            for i: UInt8 in 0..<100 { batch.put([i], [UInt8](repeating: i, count: Int(i))) }
            try store.write(batch)
        }
        let reopened = try RocksDBStore(path: path)
        for i: UInt8 in 0..<100 { #expect(try reopened.get([i]) == [UInt8](repeating: i, count: Int(i))) }
    }

    @Test func rocksDBRefusesASecondOpenOfTheSameFolder() throws {
        let path = Self.temporaryPath()
        let first = try RocksDBStore(path: path)
        #expect(throws: StorageError.locked(path: path)) { try RocksDBStore(path: path) }
        withExtendedLifetime(first) {}
        #expect(StorageError.locked(path: path).description.contains("another process"))
    }

    @Test func rocksDBReportsAMissingDatabaseWhenNotCreating() throws {
        var options = RocksDBStore.Options()
        options.createIfMissing = false
        let path = Self.temporaryPath()
        #expect {
            try RocksDBStore(path: path, options: options)
        } throws: { error in
            guard case .cannotOpen(let reported, _) = error as? StorageError else { return false }
            return reported == path
        }
    }

    @Test func rocksDBReportsCorruptionWithThePath() throws {
        let path = Self.temporaryPath()
        do { _ = try RocksDBStore(path: path) }
        // Overwrite the CURRENT file (which names the manifest) with garbage.
        try Data("garbage-without-newline".utf8).write(to: URL(fileURLWithPath: path).appendingPathComponent("CURRENT"))
        #expect {
            try RocksDBStore(path: path)
        } throws: { error in
            switch error as? StorageError {
            case .corrupt(let reported, _), .io(let reported, _): return reported == path
            default: return false
            }
        }
    }
}
