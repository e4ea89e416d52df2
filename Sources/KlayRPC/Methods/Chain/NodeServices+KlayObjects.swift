import KlayNode
import KlayTypes

/// The Klaytn block and header objects of stored blocks, with the chain facts they show.
extension NodeServices {
    /// The klay block object of `block`.
    func klayBlockJSON(_ block: Block, transactions: KlayBlockJSON.Transactions) -> JSONValue {
        KlayBlockJSON.block(block, totalBlockScore: totalBlockScore(of: block.header), rules: rules(of: block.header),
                            transactions: transactions)
    }

    /// The klay header object of `header`.
    func klayHeaderJSON(_ header: Header) -> JSONValue {
        KlayHeaderJSON.header(header, rules: rules(of: header))
    }
}
