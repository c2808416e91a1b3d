window.TK_DATA.add("search/v-te", {"terms":{},"words":{"tekst":["tekst",[],[],[2]],"test":["test",[],[],[13]],"testforlag":["testforlaget",[],[],[13]],"testkild":["testkilden",[13],[],[]]}});
