import Foundation

/// Locates the third-party vectors in `../shared/vectors` (beside the package root) for every test target.
///
/// The root is found from this file's path, so tests work from any working directory. A missing folder
/// is an error, never a silent skip.
public enum Vectors {
    public struct Missing: Error, CustomStringConvertible {
        public let path: String
        public var description: String { "test vectors not found at \(path): check out shared/ beside the package" }
    }

    public static let root: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // KlayTestSupport
        .deletingLastPathComponent()  // Sources
        .deletingLastPathComponent()  // package root
        .deletingLastPathComponent()  // its parent
        .appendingPathComponent("shared/vectors")

    /// The URL of `relativePath` below `../shared/vectors`, or `Missing` if it does not exist.
    public static func url(_ relativePath: String) throws -> URL {
        let url = root.appendingPathComponent(relativePath)
        guard FileManager.default.fileExists(atPath: url.path) else { throw Missing(path: url.path) }
        return url
    }

    /// The parsed JSON of a vector file.
    public static func json(_ relativePath: String) throws -> Any {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(relativePath)), options: [.fragmentsAllowed])
    }
}
