import KlayPrimitives

/// The BN254 tower over Fp: ξ = 9 + i.
typealias Fp2 = Ext2<Fp>
typealias Fp6 = Ext6<Fp>
typealias Fp12 = Ext12<Fp>

extension Fp: TowerBase {
    /// 9·self.
    @inline(__always)
    func timesXiReal() -> Fp { doubled().doubled().doubled() + self }

    static let frobenius = FrobeniusFactors<Fp>(sixthOfModulusMinusOne: {
        let sixth = (modulus &- .one) / UInt256(6)
        return [sixth.limbs.3, sixth.limbs.2, sixth.limbs.1, sixth.limbs.0]
    }())
}
