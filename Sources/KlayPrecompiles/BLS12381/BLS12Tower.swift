extension Fq: TowerBase {
    /// ξ = 1 + i.
    @inline(__always)
    func timesXiReal() -> Fq { self }

    static let frobenius: FrobeniusFactors<Fq> = {
        // (q − 1)/6, by long division of the limbs from the top.
        var words = Fq.modulusWords
        words[0] -= 1
        var remainder: UInt64 = 0
        for index in stride(from: 5, through: 0, by: -1) {
            (words[index], remainder) = UInt64(6).dividingFullWidth((remainder, words[index]))
        }
        return FrobeniusFactors<Fq>(sixthOfModulusMinusOne: words.reversed())
    }()
}

/// The BLS12-381 tower over Fq: ξ = 1 + i.
typealias Fq2 = Ext2<Fq>
typealias Fq6 = Ext6<Fq>
typealias Fq12 = Ext12<Fq>
