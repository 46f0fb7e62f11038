#include "engine/io/ByteSink.h"
