#!/usr/bin/env node
// Committed so package managers can link the bin before the first build; the program is in dist/.
import "../dist/bin.js";
