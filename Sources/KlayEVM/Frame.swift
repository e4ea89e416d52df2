import KlayPrimitives

/// One call frame's inputs and running state, handed to the interpreter loop.
struct Frame {
    /// Whose storage and balance the code acts on (ADDRESS).
    let address: Address
    /// CALLER.
    let caller: Address
    /// CALLVALUE.
    let value: UInt256
    let input: [UInt8]
    let code: [UInt8]
    let jumpDestinations: JumpDestinations
    let isStatic: Bool
    /// Remaining gas.
    var gas: UInt64
    var memory = Memory()
    /// RETURNDATA of the last call this frame made.
    var returnData: [UInt8] = []

    init(address: Address, caller: Address, value: UInt256, input: [UInt8], code: [UInt8],
         jumpDestinations: JumpDestinations, isStatic: Bool, gas: UInt64) {
        self.address = address
        self.caller = caller
        self.value = value
        self.input = input
        self.code = code
        self.jumpDestinations = jumpDestinations
        self.isStatic = isStatic
        self.gas = gas
    }

    /// Charges `amount`, or fails with out of gas (leaving the gas as it was; the caller burns it).
    @inline(__always)
    mutating func charge(_ amount: UInt64) throws(ExecutionError) {
        guard gas >= amount else { throw .outOfGas }
        gas &-= amount
    }

    /// Charges the memory growth for the region and grows memory; returns the offset as an Int.
    /// A zero-size region costs nothing whatever its offset.
    @inline(__always)
    mutating func expandMemory(offset: UInt256, size: UInt256) throws(ExecutionError) -> Int {
        guard !size.isZero else { return 0 }
        guard let start = offset.uint64Value, let length = size.uint64Value,
              start <= Memory.maximumSize, length <= Memory.maximumSize else { throw .outOfGas }
        let end = start + length
        guard end <= Memory.maximumSize else { throw .outOfGas }
        try expandMemory(to: Int(end))
        return Int(start)
    }

    /// Charges for and grows memory to hold `end` bytes.
    @inline(__always)
    mutating func expandMemory(to end: Int) throws(ExecutionError) {
        let current = memory.count
        guard end > current else { return }
        let newWords = UInt64((end + 31) / 32)
        let oldWords = UInt64(current / 32)
        try charge(Memory.cost(words: newWords) - Memory.cost(words: oldWords))
        memory.grow(to: end)
    }
}

/// The result of a message call or creation.
public struct CallResult: Sendable {
    /// Return data (the revert reason after REVERT).
    public var output: [UInt8]
    /// Gas left to return to the caller.
    public var gasLeft: UInt64
    /// nil on success.
    public var error: ExecutionError?
    /// The created contract's address (creations only).
    public var createdAddress: Address?
}
