extension YAMLFields {
  /// A `translations:` mapping keyed by the site's language ids, each read by `read`; a key that is not one of
  /// `languages` is an error at its place.
  func translations<Translation>(languages: some Collection<String>, read: @escaping (YAMLFields) -> Translation?)
    -> [String: Translation]
  {
    record("translations") { mapping -> [String: Translation] in
      var translations: [String: Translation] = [:]
      for key in mapping.keys {
        guard languages.contains(key.value) else {
          mapping.error(
            "'\(key.value)' is not one of the site's languages; list it under 'languages' first", at: key.location)
          continue
        }
        if let translation = mapping.record(key.value, read: read) { translations[key.value] = translation }
      }
      return translations
    } ?? [:]
  }
}
