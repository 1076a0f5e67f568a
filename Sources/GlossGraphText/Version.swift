/// The version of GlossGraph, written into exports.
public enum GlossGraphVersion {
    public static let string = "0.1.0"
}
