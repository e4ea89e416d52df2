import KlayPrimitives

/// A message's decoded body, by code, for the messages the core handles: PRE-PREPARE, PREPARE and
/// COMMIT. ROUND CHANGE bodies (also a ``Subject``) come with round changes.
public enum MessageBody: Sendable, Equatable {
    case preprepare(Preprepare)
    case prepare(Subject)
    case commit(Subject)

    /// Decodes `message.body` as its code says; a body that does not decode is an invalid message,
    /// and a ROUND CHANGE is refused as not handled yet.
    public init(of message: IstanbulMessage) throws(IstanbulCoreError) {
        switch message.code {
        case .preprepare: self = .preprepare(try Preprepare(encoded: message.body))
        case .prepare: self = .prepare(try Self.subject(message.body))
        case .commit: self = .commit(try Self.subject(message.body))
        case .roundChange: throw .roundChangeUnsupported
        }
    }

    /// The view the message belongs to.
    public var view: ConsensusView {
        switch self {
        case .preprepare(let preprepare): preprepare.view
        case .prepare(let subject), .commit(let subject): subject.view
        }
    }

    private static func subject(_ body: [UInt8]) throws(IstanbulCoreError) -> Subject {
        guard let subject = try? Subject(encoded: body) else { throw .invalidMessage }
        return subject
    }
}
