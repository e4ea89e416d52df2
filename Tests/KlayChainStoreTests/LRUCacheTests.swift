import Testing
@testable import KlayChainStore

@Suite struct LRUCacheTests {
    @Test func evictsTheLeastRecentlyUsed() {
        let cache = LRUCache<Int, String>(capacity: 3)
        for key in 1...3 { cache.insert("\(key)", for: key) }
        #expect(cache[1] == "1")  // 1 becomes the most recent; 2 is now the oldest
        cache.insert("4", for: 4)
        #expect(cache[2] == nil)
        #expect(cache[1] == "1" && cache[3] == "3" && cache[4] == "4")
        #expect(cache.count == 3)
        cache.insert("one", for: 1)  // replacing keeps the size
        #expect(cache.count == 3 && cache[1] == "one")
        cache.insert("5", for: 5)  // 3 is now the oldest
        #expect(cache[3] == nil && cache[4] == "4" && cache[5] == "5")
    }

    @Test func capacityOneAndZero() {
        let one = LRUCache<Int, Int>(capacity: 1)
        one.insert(1, for: 1)
        one.insert(2, for: 2)
        #expect(one[1] == nil && one[2] == 2 && one.count == 1)
        let none = LRUCache<Int, Int>(capacity: 0)
        none.insert(1, for: 1)
        #expect(none[1] == nil && none.count == 0)
    }

    @Test func isSafeUnderConcurrentUse() async {
        let cache = LRUCache<Int, Int>(capacity: 64)
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<8 {
                group.addTask {
                    for step in 0..<5_000 {
                        let key = (step * 31 + worker) % 200
                        if let value = cache[key] { #expect(value == key * 2) }
                        cache.insert(key * 2, for: key)
                    }
                }
            }
        }
        #expect(cache.count == 64)
    }
}
