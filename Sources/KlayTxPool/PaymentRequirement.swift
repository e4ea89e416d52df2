import KlayPrimitives
import KlayTypes

/// What the sender and the fee payer of a transaction must hold for the pool to keep it
/// (spec/transactions.md §8): the pool checks balances against the transaction's own price
/// (`gasPrice`, or the fee cap), so it is stricter than what execution finally charges.
///
/// Klaytn computes with unbounded integers; here an amount past 2^256 − 1 is nil, which no balance
/// can cover.
struct PaymentRequirement {
    /// What the sender must hold.
    let sender: UInt256?
    /// What the fee payer must hold (zero when the transaction is not fee-delegated).
    let feePayer: UInt256?
    /// What the account must hold when the sender is also the fee payer: value plus the whole fee.
    let wholeCost: UInt256?

    init(_ transaction: Transaction) {
        let fee = UInt256(transaction.gas).checkedMultiplied(by: transaction.gasPrice)
        let value = transaction.value
        wholeCost = fee.flatMap { $0.checkedAdded(value) }
        switch transaction.type.feeDelegation {
        case .none:
            sender = wholeCost
            feePayer = .zero
        case .full:
            sender = value
            feePayer = fee
        case .ratio:
            // Klaytn's CalcFeeWithRatio: the payer's part is fee × ratio / 100 (floor); the sender pays
            // the rest. (q·100 + m)·r / 100 = q·r + m·r / 100 keeps every step within 256 bits.
            if let fee {
                let (quotient, remainder) = fee.quotientAndRemainder(dividingBy: 100)
                let ratio = UInt256(UInt64(transaction.feeRatio))
                let payerPart = quotient.checkedMultiplied(by: ratio).flatMap { $0.checkedAdded(remainder &* ratio / 100) }
                feePayer = payerPart
                sender = payerPart.flatMap { (fee &- $0).checkedAdded(value) }
            } else {
                feePayer = nil
                sender = nil
            }
        }
    }

    /// Whether `balance` covers `amount` (never, if the amount overflowed).
    static func covers(_ balance: UInt256, _ amount: UInt256?) -> Bool {
        guard let amount else { return false }
        return balance >= amount
    }
}

extension UInt256 {
    /// The product, or nil past 2^256 − 1.
    func checkedMultiplied(by other: UInt256) -> UInt256? {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? nil : product
    }

    /// The sum, or nil past 2^256 − 1.
    func checkedAdded(_ other: UInt256) -> UInt256? {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? nil : sum
    }
}
