import KlayPrimitives

/// `Contracts/Counter.vy`, compiled with Vyper 0.4.0:
/// `vyper --evm-version shanghai -f bytecode Tests/KlayChainTests/Contracts/Counter.vy`.
/// Selectors from `-f method_identifiers`, the storage slot from `-f layout`.
enum CounterContract {
    static let bytecode = try! Hex.decode("0x346100265760206101845f395f516001553360025561014661002a61000039610146610000f35b5f80fd5f3560e01c60026003821660011b61013e01601e395f51565b637cf5dab081186101365760243610341761013a576004356100ae5760208060a05260096040527f7a65726f2073746570000000000000000000000000000000000000000000000060605260408160a00181518152602082015160208201528051806020830101601f825f03163682375050601f19601f8251602001011690509050810190506308c379a060805280600401609cfd5b60015460043580820182811061013a5790509050600155337f38ac789ed44572701765277c4d0970f2db1c1a571ed39e84358095ae4eaa542060015460405260206040a260015460405260206040f35b633fa4f2458118610136573461013a5760015460405260206040f35b638da5cb5b8118610136573461013a5760025460405260206040f35b5f5ffd5b5f80fd001800fe0136011a84190146810800a1657679706572830004000014")
    /// Storage slot of `value` (Vyper 0.4 starts the layout at slot 1).
    static let valueSlot = UInt256(1)
    static let incrementSelector: [UInt8] = [0x7c, 0xf5, 0xda, 0xb0]
    static let valueSelector: [UInt8] = [0x3f, 0xa4, 0xf2, 0x45]
    /// keccak("Incremented(address,uint256)"): the event's first topic.
    static let incrementedTopic = Keccak256.hash(Array("Incremented(address,uint256)".utf8))

    /// Init code followed by the constructor argument.
    static func deployment(start: UInt64) -> [UInt8] { bytecode + UInt256(start).bigEndianBytes }

    static func increment(by step: UInt64) -> [UInt8] { incrementSelector + UInt256(step).bigEndianBytes }
}
