/// The factors ξ^(k(pⁿ−1)/6), k = 1…5, that the n-th power of Frobenius applies to the coefficient
/// of w^k in the dodecic extension (n = 1, 2, 3).
struct FrobeniusFactors<F: TowerBase>: Sendable {
    struct Table: Sendable {
        let w1: Ext2<F>, w2: Ext2<F>, w3: Ext2<F>, w4: Ext2<F>, w5: Ext2<F>

        fileprivate init(_ w1: Ext2<F>, _ w2: Ext2<F>, _ w3: Ext2<F>, _ w4: Ext2<F>, _ w5: Ext2<F>) {
            (self.w1, self.w2, self.w3, self.w4, self.w5) = (w1, w2, w3, w4, w5)
        }

        fileprivate func map(_ transform: (Ext2<F>) -> Ext2<F>) -> Table {
            Table(transform(w1), transform(w2), transform(w3), transform(w4), transform(w5))
        }
    }

    /// For x ↦ x^p, x^(p²), x^(p³).
    let first: Table, second: Table, third: Table

    /// The factors for a field of modulus p, given (p − 1)/6 as big-endian 64-bit words.
    init(sixthOfModulusMinusOne words: [UInt64]) {
        let base = Ext2<F>.xi.power(words)
        let w2 = base * base, w3 = w2 * base, w4 = w3 * base
        first = Table(base, w2, w3, w4, w4 * base)
        // ξ^(k(p²−1)/6) = γ·γ^p and ξ^(k(p³−1)/6) = γ·γ^p·γ^(p²) = γ²·γ^p, for γ = ξ^(k(p−1)/6).
        second = first.map { $0 * $0.conjugate() }
        third = first.map { $0 * $0 * $0.conjugate() }
    }
}
