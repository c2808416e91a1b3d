window.TK_DATA.add("search/v-al", {"terms":{},"words":{"alert":["alert",[],[],[2]]}});
