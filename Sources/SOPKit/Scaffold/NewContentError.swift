/// Why `sopkit new` wrote nothing: an unknown id, a file that already exists, a missing template.
public struct NewContentError: Error, CustomStringConvertible {
  public var description: String

  init(_ description: String) { self.description = description }
}
