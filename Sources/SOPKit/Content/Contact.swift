/// A person or office to ask about SOP in a region.
public struct Contact: Sendable, Equatable {
  public var name: String
  public var title: String?
  public var email: String?
  public var phone: String?
  /// Added by a county's overlay.
  public var isLocal = false

  /// The `tel:` form of the phone number: its digits and a leading `+`.
  public var phoneLink: String? {
    guard let phone else { return nil }
    let digits = phone.enumerated().filter {
      $0.element.isASCII && ($0.element.isNumber || ($0.element == "+" && $0.offset == 0))
    }
    return digits.isEmpty ? nil : "tel:" + String(digits.map(\.element))
  }
}
