/// The lines and columns of one text in the numbering an editor shows: a line ends at `\n`, `\r\n` or a lone
/// `\r`, and a column counts Unicode scalars from 1.
///
/// libyaml also ends lines at NEL (U+0085), LINE SEPARATOR (U+2028) and PARAGRAPH SEPARATOR (U+2029); the map
/// knows where those lines start too, so their positions can be translated. Every position it hands out exists in
/// the text: on a line it has, at most one column past that line's last character.
struct LineMap: Sendable {
  /// The UTF-8 offset where each editor line starts; the first is 0.
  let lineStarts: [Int]
  /// The UTF-8 offset where each libyaml line starts: the editor's lines split further at NEL, U+2028 and U+2029.
  let yamlLineStarts: [Int]
  /// Every line break other than `\n` and `\r\n`, in the order written.
  let unusualBreaks: [UnusualLineBreak]
  /// The length of the text in UTF-8 bytes.
  let byteCount: Int
  /// The number of Unicode scalars before each block of `Self.block` bytes; empty when the text is ASCII.
  private let scalarsBeforeBlock: [Int]
  private let bytes: [UInt8]

  private static let block = 256

  init(_ text: some StringProtocol) {
    self.init(bytes: Array(text.utf8))
  }

  /// The map of UTF-8 bytes, which may hold invalid sequences: every byte that does not continue a sequence counts
  /// as a scalar.
  init(bytes: [UInt8]) {
    var lineStarts = [0]
    var yamlLineStarts = [0]
    var unusual: [UnusualLineBreak] = []
    var isASCII = true
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      if byte < 0x80 {
        if byte == 0x0A {
          lineStarts.append(index + 1)
          yamlLineStarts.append(index + 1)
        } else if byte == 0x0D {
          if index + 1 < bytes.count, bytes[index + 1] == 0x0A {
            index += 1
          } else {
            unusual.append(UnusualLineBreak(kind: .carriageReturn, offset: index))
          }
          lineStarts.append(index + 1)
          yamlLineStarts.append(index + 1)
        }
        index += 1
        continue
      }
      isASCII = false
      if byte == 0xC2, index + 1 < bytes.count, bytes[index + 1] == 0x85 {
        unusual.append(UnusualLineBreak(kind: .nextLine, offset: index))
        yamlLineStarts.append(index + 2)
      } else if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80,
        bytes[index + 2] == 0xA8 || bytes[index + 2] == 0xA9
      {
        unusual.append(
          UnusualLineBreak(kind: bytes[index + 2] == 0xA8 ? .lineSeparator : .paragraphSeparator, offset: index))
        yamlLineStarts.append(index + 3)
      }
      index += 1
    }
    var checkpoints: [Int] = []
    if !isASCII {
      checkpoints.reserveCapacity(bytes.count / Self.block + 1)
      var scalars = 0
      for (offset, byte) in bytes.enumerated() {
        if offset % Self.block == 0 { checkpoints.append(scalars) }
        if byte & 0xC0 != 0x80 { scalars += 1 }
      }
    }
    self.lineStarts = lineStarts
    self.yamlLineStarts = yamlLineStarts
    self.unusualBreaks = unusual
    self.byteCount = bytes.count
    self.scalarsBeforeBlock = checkpoints
    self.bytes = bytes
  }

  /// The number of lines an editor shows: a final line break does not start another line.
  var lineCount: Int {
    lineStarts.count > 1 && lineStarts.last == byteCount ? lineStarts.count - 1 : lineStarts.count
  }

  /// The 1-based line and column of a UTF-8 offset, moved back into the text when it lies past its end or
  /// after the final line break.
  func position(ofOffset offset: Int) -> (line: Int, column: Int) {
    var offset = min(max(offset, 0), byteCount)
    let line = Self.index(containing: offset, in: lineStarts)
    if line >= lineCount { offset = lineEnd(ofIndex: lineCount - 1) }
    let lineIndex = min(line, lineCount - 1)
    let start = lineStarts[lineIndex]
    offset = min(offset, lineEnd(ofIndex: lineIndex))
    return (lineIndex + 1, scalarIndex(ofOffset: offset) - scalarIndex(ofOffset: start) + 1)
  }

  /// The UTF-8 offset of a 1-based line and a 1-based byte column, as cmark reports them, kept on that line.
  func offset(line: Int, byteColumn: Int) -> Int {
    let index = min(max(line, 1), lineCount) - 1
    return min(lineStarts[index] + max(byteColumn - 1, 0), lineEnd(ofIndex: index))
  }

  /// The UTF-8 offset of a libyaml line and scalar column (both 1-based) counted from the start of the text.
  /// libyaml counts the end of a text without a final line break as one more line: that is the end of the text.
  func offset(yamlLine: Int, scalarColumn: Int) -> Int {
    let index = max(yamlLine, 1) - 1
    guard index < yamlLineStarts.count else { return byteCount }
    let start = yamlLineStarts[index]
    let end = index + 1 < yamlLineStarts.count ? breakStart(before: yamlLineStarts[index + 1]) : byteCount
    let wanted = scalarIndex(ofOffset: start) + max(scalarColumn - 1, 0)
    return min(offset(ofScalarIndex: wanted), end)
  }

  /// The 1-based line and column a libyaml mark means in an editor.
  func position(yamlLine: Int, scalarColumn: Int) -> (line: Int, column: Int) {
    position(ofOffset: offset(yamlLine: yamlLine, scalarColumn: scalarColumn))
  }

  /// Whether libyaml numbers this text's lines as an editor does.
  var yamlAgreesWithEditor: Bool { yamlLineStarts.count == lineStarts.count }

  /// Whether a 1-based line and column exist in the text.
  func contains(line: Int, column: Int) -> Bool {
    guard line >= 1, line <= lineCount, column >= 1 else { return false }
    let start = lineStarts[line - 1]
    return column <= scalarIndex(ofOffset: lineEnd(ofIndex: line - 1)) - scalarIndex(ofOffset: start) + 1
  }

  /// The offset of the line break ending line `index` (0-based), or of the text's end.
  private func lineEnd(ofIndex index: Int) -> Int {
    index + 1 < lineStarts.count ? breakStart(before: lineStarts[index + 1]) : byteCount
  }

  /// The offset where the line break ending just before `lineStart` begins.
  private func breakStart(before lineStart: Int) -> Int {
    let end = lineStart
    if end >= 2, bytes[end - 2] == 0x0D, bytes[end - 1] == 0x0A { return end - 2 }
    if end >= 1, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { return end - 1 }
    if end >= 2, bytes[end - 2] == 0xC2, bytes[end - 1] == 0x85 { return end - 2 }
    if end >= 3, bytes[end - 3] == 0xE2 { return end - 3 }
    return end
  }

  /// The number of Unicode scalars before `offset`.
  private func scalarIndex(ofOffset offset: Int) -> Int {
    guard !scalarsBeforeBlock.isEmpty else { return offset }
    let block = offset / Self.block
    var count = scalarsBeforeBlock[min(block, scalarsBeforeBlock.count - 1)]
    var index = min(block, scalarsBeforeBlock.count - 1) * Self.block
    while index < offset {
      if bytes[index] & 0xC0 != 0x80 { count += 1 }
      index += 1
    }
    return count
  }

  /// The UTF-8 offset of the scalar with index `scalarIndex`, or the text's end.
  private func offset(ofScalarIndex scalarIndex: Int) -> Int {
    guard !scalarsBeforeBlock.isEmpty else { return min(scalarIndex, byteCount) }
    var low = 0
    var high = scalarsBeforeBlock.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if scalarsBeforeBlock[middle] <= scalarIndex { low = middle } else { high = middle - 1 }
    }
    var count = scalarsBeforeBlock[low]
    var index = low * Self.block
    while index < byteCount {
      if bytes[index] & 0xC0 != 0x80 {
        if count == scalarIndex { return index }
        count += 1
      }
      index += 1
    }
    return byteCount
  }

  /// The index of the last element of the ascending `starts` that is at most `offset`.
  private static func index(containing offset: Int, in starts: [Int]) -> Int {
    var low = 0
    var high = starts.count - 1
    while low < high {
      let middle = (low + high + 1) / 2
      if starts[middle] <= offset { low = middle } else { high = middle - 1 }
    }
    return low
  }
}
