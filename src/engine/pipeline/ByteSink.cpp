#include "engine/pipeline/ByteSink.h"
