/// Arithmetic modulo any non-zero modulus: schoolbook product, then Knuth division.
struct PlainModulus: ModularArithmetic {
    let modulus: BigNat

    var one: BigNat { BigNat(limbs: [1]).remainder(dividingBy: modulus) }

    func multiply(_ a: BigNat, _ b: BigNat) -> BigNat { (a * b).remainder(dividingBy: modulus) }
}
