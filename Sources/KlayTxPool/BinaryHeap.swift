/// A binary min-heap: ``popMin()`` and ``replaceMin(with:)`` in O(log n), ``min`` in O(1).
struct BinaryHeap<Element: Comparable> {
    private var elements: [Element]

    /// A heap of `elements`, built in O(n).
    init(_ elements: [Element]) {
        self.elements = elements
        var index = elements.count / 2
        while index > 0 {
            index -= 1
            siftDown(from: index)
        }
    }

    var isEmpty: Bool { elements.isEmpty }

    /// The smallest element.
    var min: Element? { elements.first }

    /// Removes and returns the smallest element.
    @discardableResult
    mutating func popMin() -> Element? {
        guard !elements.isEmpty else { return nil }
        elements.swapAt(0, elements.count - 1)
        let smallest = elements.removeLast()
        if !elements.isEmpty { siftDown(from: 0) }
        return smallest
    }

    /// Replaces the smallest element with `element` (cheaper than a pop and an insert).
    mutating func replaceMin(with element: Element) {
        precondition(!elements.isEmpty, "replaceMin on an empty heap")
        elements[0] = element
        siftDown(from: 0)
    }

    private mutating func siftDown(from start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < elements.count else { return }
            var smallest = left
            let right = left + 1
            if right < elements.count && elements[right] < elements[left] { smallest = right }
            guard elements[smallest] < elements[parent] else { return }
            elements.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

extension BinaryHeap: Sendable where Element: Sendable {}
