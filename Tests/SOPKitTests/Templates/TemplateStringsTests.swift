import Testing

@testable import SOPKit

/// Dates written the way the strings file says.
@Suite struct TemplateStringsTests {
  static let months = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December",
  ]

  @Test(arguments: [
    ("{month} {day}, {year}", "March 1, 2024"),
    ("{day} de {month} de {year}", "1 de March de 2024"),
    ("{year}", "2024"),
    ("{weekday} {day}", "{weekday} 1"),
    ("{month", "{month"),
    ("", ""),
  ])
  func fillsTheFormatsFields(format: String, expected: String) {
    let strings = TemplateStrings(months: Self.months, dateFormat: format)
    #expect(strings.format(SimpleDate("2024-03-01")!) == expected)
  }

  @Test func withoutMonthNamesWritesNumbers() {
    let strings = TemplateStrings(months: [], dateFormat: "{day}.{month}.{year}")
    #expect(strings.format(SimpleDate("2024-03-01")!) == "01.03.2024")
  }

  @Test func fillsOnlyTheNamedPlaceholders() {
    #expect(TemplateStrings.fill("For {name} and {other}", with: ["name": "Leaders"]) == "For Leaders and {other}")
    #expect(TemplateStrings.fill("{count} results of {count}", with: ["count": "3"]) == "3 results of 3")
    #expect(TemplateStrings.fill("{{name}} {", with: ["name": "x"]) == "{x} {")
  }
}
