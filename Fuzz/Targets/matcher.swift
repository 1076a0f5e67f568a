// The matcher against the brute-force reference: the first parts are names, the last the text.
func fuzzOne(_ bytes: [UInt8]) {
    var parts = fuzzParts(bytes, maxParts: 8)
    guard parts.count >= 2 else { return }
    let text = String(parts.removeLast().prefix(120))
    let names = parts.enumerated().map { (String($0.element.prefix(24)), $0.offset) }
    let fast = TermMatcher(names: names).matches(in: text).map { "\($0.concept)@\($0.range)" }
    let reference = ReferenceMatcher(names: names).matches(in: text).map { "\($0.concept)@\($0.range)" }
    if fast != reference {
        fatalError("matcher disagrees with the reference on names \(names.map(\.0).debugDescription) text \(text.debugDescription): \(fast) vs \(reference)")
    }
}
