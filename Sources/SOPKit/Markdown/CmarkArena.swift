import CCmark
import Glibc

/// The memory cmark parses and renders one document in: a region per thread, handed out by moving a cursor
/// and taken back all at once when the document is done.
///
/// cmark makes and frees thousands of small nodes and buffers per document. Through malloc, at 100,000 guides
/// that churn left the heap so fragmented that a third of the load stage went to glibc sorting its free lists;
/// a region reused document after document costs a pointer bump and touches the same memory each time.
final class CmarkArena {
  /// The allocator cmark is given; its functions find the calling thread's region.
  nonisolated(unsafe) static let allocator: UnsafeMutablePointer<cmark_mem> = {
    let mem = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
    mem.initialize(
      to: cmark_mem(
        calloc: { count, size in
          let (bytes, overflow) = count.multipliedReportingOverflow(by: size)
          if overflow { fatalError("cmark asked for more memory than there is") }
          let pointer = CmarkArena.current.allocate(bytes)
          pointer.initializeMemory(as: UInt8.self, repeating: 0, count: bytes)
          return pointer
        },
        realloc: { pointer, size in CmarkArena.current.reallocate(pointer, to: size) },
        free: { pointer in CmarkArena.current.free(pointer) }))
    return mem
  }()

  /// The calling thread's region, made on first use and freed when the thread ends.
  static var current: CmarkArena {
    if let stored = pthread_getspecific(threadKey) {
      return Unmanaged<CmarkArena>.fromOpaque(stored).takeUnretainedValue()
    }
    let arena = CmarkArena()
    pthread_setspecific(threadKey, Unmanaged.passRetained(arena).toOpaque())
    return arena
  }

  private static let threadKey: pthread_key_t = {
    var key = pthread_key_t()
    pthread_key_create(&key) { stored in
      if let stored { Unmanaged<CmarkArena>.fromOpaque(stored).release() }
    }
    return key
  }()

  private static let blockSize = 256 * 1024
  /// Requests above this get a malloc of their own, so one huge document does not leave huge blocks behind.
  private static let largeSize = blockSize / 4
  /// Blocks kept between documents; a document that needed more gives the rest back.
  private static let keptBlocks = 8
  /// Each allocation is preceded by its size (which also says whether it is a large one), padded to keep results
  /// 16-byte aligned.
  private static let headerSize = 16

  private var blocks: [UnsafeMutableRawPointer] = []
  private var blockIndex = -1
  private var cursor: UnsafeMutableRawPointer?
  private var end: UnsafeMutableRawPointer?
  /// The newest allocation from a block, which can grow or be given back in place.
  private var newest: UnsafeMutableRawPointer?
  private var large: [UnsafeMutableRawPointer] = []

  deinit {
    for block in blocks { Glibc.free(block) }
    for block in large { Glibc.free(block) }
  }

  /// Takes back everything handed out since the last reset; nothing from before may be used after it.
  func reset() {
    for block in large { Glibc.free(block) }
    large.removeAll(keepingCapacity: true)
    while blocks.count > Self.keptBlocks { Glibc.free(blocks.removeLast()) }
    blockIndex = -1
    cursor = nil
    end = nil
    newest = nil
  }

  private func allocate(_ size: Int) -> UnsafeMutableRawPointer {
    let needed = Self.headerSize + Self.rounded(size)
    if size > Self.largeSize {
      guard let block = malloc(needed) else { fatalError("out of memory rendering Markdown") }
      large.append(block)
      return Self.stamp(block, size: size)
    }
    if cursor == nil || end! - cursor! < needed { nextBlock() }
    let block = cursor!
    cursor = block + needed
    let pointer = Self.stamp(block, size: size)
    newest = pointer
    return pointer
  }

  private func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer {
    guard let pointer else { return allocate(size) }
    let oldSize = Self.size(of: pointer)
    if size <= oldSize { return pointer }
    if oldSize > Self.largeSize, let index = large.lastIndex(of: pointer - Self.headerSize) {
      guard let block = Glibc.realloc(large[index], Self.headerSize + Self.rounded(size)) else {
        fatalError("out of memory rendering Markdown")
      }
      large[index] = block
      return Self.stamp(block, size: size)
    }
    if pointer == newest, size <= Self.largeSize, end! - pointer >= Self.rounded(size) {
      cursor = pointer + Self.rounded(size)
      return Self.stamp(pointer - Self.headerSize, size: size)
    }
    let moved = allocate(size)
    moved.copyMemory(from: pointer, byteCount: oldSize)
    free(pointer)
    return moved
  }

  private func free(_ pointer: UnsafeMutableRawPointer?) {
    guard let pointer else { return }
    if Self.size(of: pointer) > Self.largeSize {
      if let index = large.lastIndex(of: pointer - Self.headerSize) { Glibc.free(large.remove(at: index)) }
    } else if pointer == newest {
      cursor = pointer - Self.headerSize
      newest = nil
    }
  }

  private func nextBlock() {
    blockIndex += 1
    if blockIndex == blocks.count {
      guard let block = malloc(Self.blockSize) else { fatalError("out of memory rendering Markdown") }
      blocks.append(block)
    }
    cursor = blocks[blockIndex]
    end = blocks[blockIndex] + Self.blockSize
  }

  private static func rounded(_ size: Int) -> Int { (size + 15) & ~15 }

  private static func stamp(_ block: UnsafeMutableRawPointer, size: Int) -> UnsafeMutableRawPointer {
    block.storeBytes(of: size, as: Int.self)
    return block + headerSize
  }

  private static func size(of pointer: UnsafeMutableRawPointer) -> Int {
    (pointer - headerSize).load(as: Int.self)
  }
}
