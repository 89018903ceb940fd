#include "tools/scenario/picqer_objects.h"

namespace lpsync::scenario {

std::vector<PicqerWarehouse> default_warehouses() {
  PicqerWarehouse main;
  main.idwarehouse = 1;
  main.name = "Main";
  return {main};
}

}  // namespace lpsync::scenario
