// Multi-word arithmetic helpers. Carries are combined with `|` on integers, never `||` on Bools,
// whose short-circuit makes LLVM branch on every carry; this way the chains are branch-free.

/// a·b + c + d as (high, low), which always fits in 128 bits.
@inline(__always)
func mulAdd(_ a: UInt64, _ b: UInt64, _ c: UInt64, _ d: UInt64) -> (high: UInt64, low: UInt64) {
    let product = a.multipliedFullWidth(by: b)
    let (low1, carry1) = addCarrying(product.low, c, 0)
    let (low, carry2) = addCarrying(low1, d, 0)
    return (product.high &+ carry1 &+ carry2, low)
}

/// a + b + carry (carry 0 or 1) as (sum, carry out).
@inline(__always)
func addCarrying(_ a: UInt64, _ b: UInt64, _ carry: UInt64) -> (sum: UInt64, carry: UInt64) {
    let (sum1, overflow1) = a.addingReportingOverflow(b)
    let (sum, overflow2) = sum1.addingReportingOverflow(carry)
    return (sum, UInt64(overflow1 ? 1 : 0) | UInt64(overflow2 ? 1 : 0))
}

/// a − b − borrow (borrow 0 or 1) as (difference, borrow out).
@inline(__always)
func subtractBorrowing(_ a: UInt64, _ b: UInt64, _ borrow: UInt64) -> (difference: UInt64, borrow: UInt64) {
    let (difference1, overflow1) = a.subtractingReportingOverflow(b)
    let (difference, overflow2) = difference1.subtractingReportingOverflow(borrow)
    return (difference, UInt64(overflow1 ? 1 : 0) | UInt64(overflow2 ? 1 : 0))
}
