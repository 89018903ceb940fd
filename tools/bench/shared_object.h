// One object in memory mapped shared and anonymous: made before fork(), the parent and its
// children see the same object (not a copy). For lock-free atomics and plain figures only.
#pragma once

#include <sys/mman.h>

#include <new>
#include <stdexcept>
#include <type_traits>

namespace lpsync::bench {

template <typename T>
class SharedObject {
  static_assert(std::is_trivially_destructible_v<T>, "a child leaves with _exit: nothing to destroy");

 public:
  SharedObject() {
    void* p = mmap(nullptr, sizeof(T), PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::runtime_error("cannot map shared memory");
    object_ = new (p) T();
  }
  ~SharedObject() { munmap(object_, sizeof(T)); }
  SharedObject(const SharedObject&) = delete;
  SharedObject& operator=(const SharedObject&) = delete;

  T& operator*() { return *object_; }
  T* operator->() { return object_; }

 private:
  T* object_ = nullptr;
};

}  // namespace lpsync::bench
