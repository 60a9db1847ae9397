#include "CDefaultModel.h"
// No trained default model is built in yet (see the training issue).
// scripts/embed-model.sh will generate default_model_data.inc from a .safetensors file.
const unsigned char *codingscan_default_model_data(void) { return NULL; }
size_t codingscan_default_model_size(void) { return 0; }
