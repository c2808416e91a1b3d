window.TK_DATA.add("search/v-eg", {"terms":{},"words":{"egen":["egen",[],[],[8,3]]}});
