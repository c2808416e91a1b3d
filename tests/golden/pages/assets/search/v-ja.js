window.TK_DATA.add("search/v-ja", {"terms":{},"words":{"javascript":["javascript",[],[],[2]]}});
