/// The field arithmetic curve points need: a prime field for G1, its quadratic extension for the
/// twist that carries G2.
protocol FieldElement: Sendable, Equatable {
    static var zero: Self { get }
    static var one: Self { get }
    var isZero: Bool { get }
    static func + (a: Self, b: Self) -> Self
    static func - (a: Self, b: Self) -> Self
    static prefix func - (a: Self) -> Self
    static func * (a: Self, b: Self) -> Self
    func squared() -> Self
    func doubled() -> Self
    func halved() -> Self
    /// The multiplicative inverse; zero maps to zero.
    func inverse() -> Self
}

/// A prime field at the bottom of a pairing tower: Fp2 = Fp[i]/(i² + 1), Fp6 = Fp2[v]/(v³ − ξ) with
/// ξ = k + i, Fp12 = Fp6[w]/(w² − v). BN254 has k = 9, BLS12-381 k = 1.
protocol TowerBase: FieldElement {
    /// self·k, for the real part k of ξ.
    func timesXiReal() -> Self
    /// The factors the Frobenius maps of the tower apply (computed once per field).
    static var frobenius: FrobeniusFactors<Self> { get }
}
