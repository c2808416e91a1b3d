window.TK_DATA.add("search/v-an", {"terms":{"angst":[3]},"words":{"angst":["angst",[3],[1,1,8],[]]}});
